# rule: §3 printable non-ASCII characters are written as is in UTF-8 (é, ♥, ☃ stay literal)
RUN echo é ♥ ☃ 😀
FROM café
