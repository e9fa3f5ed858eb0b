# Learn about building .NET container images:
# https://github.com/dotnet/dotnet-docker/blob/main/samples/README.md
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:8.0 AS build
ARG TARGETARCH
WORKDIR /source

# copy csproj and restore as distinct layers
COPY *.sln .
COPY src/Orders.Api/*.csproj ./src/Orders.Api/
COPY src/Orders.Domain/*.csproj ./src/Orders.Domain/
COPY tests/Orders.Tests/*.csproj ./tests/Orders.Tests/
RUN dotnet restore -a $TARGETARCH

# copy everything else
COPY . .

FROM build AS test
RUN dotnet test --no-restore --logger "trx;LogFileName=results.trx"

FROM build AS publish
RUN dotnet publish src/Orders.Api -c Release -a $TARGETARCH --no-restore -o /app

# final stage/image
FROM mcr.microsoft.com/dotnet/aspnet:8.0-jammy-chiseled
WORKDIR /app
COPY --from=publish /app .
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_RUNNING_IN_CONTAINER=true
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["./Orders.Api"]
