# rule: §4.5 for <<- leading tabs are ignored when comparing a line with the terminator
ADD <<-EOT /etc/motd
	hello
  EOT
		EOT
RUN x
