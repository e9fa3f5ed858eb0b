FROM ubuntu:24.04

SHELL ["/bin/bash", "-o", "pipefail", "-c"]

ARG HELM_VERSION=3.15.2
ARG TERRAFORM_VERSION=1.8.5

RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl unzip git gnupg \
    && rm -rf /var/lib/apt/lists/*

RUN curl -fsSL "https://get.helm.sh/helm-v${HELM_VERSION}-linux-amd64.tar.gz" | tar -xz -C /tmp \
    && mv /tmp/linux-amd64/helm /usr/local/bin/helm \
    && rm -rf /tmp/linux-amd64 \
    && helm version --short

RUN curl -fsSLo /tmp/tf.zip "https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}/terraform_${TERRAFORM_VERSION}_linux_amd64.zip" \
    && unzip /tmp/tf.zip -d /usr/local/bin \
    && rm /tmp/tf.zip

RUN curl -fsSL https://packages.cloud.google.com/apt/doc/apt-key.gpg | gpg --dearmor -o /usr/share/keyrings/cloud.google.gpg \
    && echo "deb [signed-by=/usr/share/keyrings/cloud.google.gpg] https://packages.cloud.google.com/apt cloud-sdk main" \
        | tee /etc/apt/sources.list.d/google-cloud-sdk.list \
    && apt-get update && apt-get install -y --no-install-recommends google-cloud-cli \
    && rm -rf /var/lib/apt/lists/*

# back to the default shell for the rest of the file
SHELL ["/bin/sh", "-c"]
RUN useradd -m -s /bin/bash deployer
USER deployer
WORKDIR /home/deployer
CMD ["/bin/bash"]
