# rule: §7 a file with only blanks and comments has no instruction

   # indented comment
	
