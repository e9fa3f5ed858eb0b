# rule: §3 a tab inside an argument is printed as \t
RUN printf a	b
WORKDIR /a	b
