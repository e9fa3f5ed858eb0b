FROM continuumio/miniconda3:24.5.0-0

SHELL ["/bin/bash", "--login", "-c"]

RUN apt-get update --fix-missing && \
    apt-get install -y --no-install-recommends build-essential libgl1 && \
    apt-get clean && rm -rf /var/lib/apt/lists/*

WORKDIR /workspace
COPY environment.yml /tmp/environment.yml
RUN conda env create -f /tmp/environment.yml && \
    conda clean --all --yes && \
    rm /tmp/environment.yml

RUN echo "conda activate ds" >> ~/.bashrc
ENV CONDA_DEFAULT_ENV=ds
ENV PATH=/opt/conda/envs/ds/bin:$PATH

# Smoke test that the scientific stack imports cleanly
RUN conda run -n ds python -c "import numpy, pandas, sklearn; print(numpy.__version__)"
RUN conda install -n ds -c conda-forge -y jupyterlab=4.2 ipywidgets && conda clean -afy

COPY notebooks/ ./notebooks/
EXPOSE 8888
VOLUME /workspace/data
CMD ["jupyter", "lab", "--ip=0.0.0.0", "--port=8888", "--no-browser", "--allow-root", "--ServerApp.token="]
