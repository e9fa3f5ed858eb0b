# rule: ยง3 a byte that is not part of valid UTF-8 is printed as \xNN
RUN echo ÿxร(
