# just a comment
# escape=`
RUN echo a `
USER b
