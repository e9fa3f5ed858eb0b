# rule: §4.6 in flag words the escape character escapes the next character and is removed
RUN --x=a\ b --y=c\"d --z=e\\f --w=g\h echo
USER --v=a\\
