FROM a
# escape=`
# escape=invalid
RUN b `
USER c
