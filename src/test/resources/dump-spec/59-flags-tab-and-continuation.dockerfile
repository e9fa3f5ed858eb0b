# rule: §4.6 flags end at unquoted whitespace (tab too) and may come from continuation lines
RUN --a=1	--b=2 \
    --c=3 \
    make
