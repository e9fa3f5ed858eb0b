FROM rocker/r-ver:4.4.1

RUN apt-get update && apt-get install -y --no-install-recommends \
    libcurl4-openssl-dev \
    libssl-dev \
    libxml2-dev \
    && rm -rf /var/lib/apt/lists/*

RUN install2.r --error --skipinstalled --ncpus -1 \
    remotes \
    shiny \
    bslib \
    dplyr \
    ggplot2 \
    DT \
    && rm -rf /tmp/downloaded_packages

RUN Rscript -e 'remotes::install_github("rstudio/thematic@v0.1.5", upgrade = "never")'

WORKDIR /srv/shiny-app
COPY app.R global.R ./
COPY R/ ./R/
COPY www/ ./www/

RUN Rscript -e 'stopifnot(all(c("shiny", "bslib", "DT") %in% rownames(installed.packages())))'

RUN useradd --system --create-home shiny && chown -R shiny /srv/shiny-app
USER shiny
EXPOSE 3838
CMD ["Rscript", "-e", "shiny::runApp('/srv/shiny-app', host = '0.0.0.0', port = 3838)"]
