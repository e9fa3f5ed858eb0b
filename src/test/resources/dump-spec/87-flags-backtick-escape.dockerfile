# escape=`
RUN --mount=a`"b --x="c`"d" --y=e\f echo
