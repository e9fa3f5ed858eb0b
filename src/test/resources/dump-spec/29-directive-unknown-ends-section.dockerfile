# foo=bar
# escape=`
RUN echo a `
USER b
