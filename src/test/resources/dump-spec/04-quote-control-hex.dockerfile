# rule: §3 other control characters < U+0020 and U+007F are printed as \xNN (lower-case hex)
RUN abcde
