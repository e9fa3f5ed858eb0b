# rule: §4.6 in flag words quotes '...' are removed and the escape character escapes the next character
RUN --label='a b' --x='c\'d' echo
