# escape=`
RUN dir C:\ `
    && echo done
