# check=skip=all
# escape=`
RUN echo a `
b
