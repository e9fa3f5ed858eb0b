# rule: §6 \/ -> /, \" -> ", \\ -> \ (then re-quoted per §3)
RUN ["\/usr\/bin", "say \"hi\"", "C:\\dir"]
