# escape=`

FROM mcr.microsoft.com/dotnet/framework/sdk:4.8-windowsservercore-ltsc2022 AS build
WORKDIR C:\src
COPY *.sln .
COPY Legacy.Web\*.csproj Legacy.Web\
COPY Legacy.Web\packages.config Legacy.Web\
RUN nuget restore
COPY . .
RUN msbuild Legacy.Web\Legacy.Web.csproj /p:Configuration=Release /p:DeployOnBuild=true `
    /p:WebPublishMethod=FileSystem /p:PublishUrl=C:\out\

FROM mcr.microsoft.com/windows/servercore:ltsc2022

SHELL ["powershell", "-Command", "$ErrorActionPreference = 'Stop'; $ProgressPreference = 'SilentlyContinue';"]

ENV APP_HOME=C:\app\ `
    LOG_DIR=C:\logs

RUN Install-WindowsFeature Web-Server; `
    Install-WindowsFeature NET-Framework-45-ASPNET; `
    Install-WindowsFeature Web-Asp-Net45; `
    Remove-Website -Name 'Default Web Site'; `
    New-Item -Path $env:APP_HOME -ItemType Directory -Force | Out-Null; `
    New-Item -Path $env:LOG_DIR -ItemType Directory -Force | Out-Null

RUN Invoke-WebRequest -UseBasicParsing `
      -Uri https://github.com/microsoft/IIS.ServiceMonitor/releases/download/v2.0.1.10/ServiceMonitor.exe `
      -OutFile C:\ServiceMonitor.exe

WORKDIR C:\app
COPY --from=build C:\out\ C:\app\
RUN Import-Module WebAdministration; `
    New-Website -Name 'legacy' -Port 80 -PhysicalPath 'C:\app'; `
    Set-ItemProperty 'IIS:\Sites\legacy' -Name logFile.directory -Value $env:LOG_DIR

EXPOSE 80
HEALTHCHECK --interval=30s --timeout=10s `
    CMD powershell -Command "try { $r = Invoke-WebRequest -UseBasicParsing http://localhost/health; if ($r.StatusCode -eq 200) { exit 0 } else { exit 1 } } catch { exit 1 }"
ENTRYPOINT ["C:\\ServiceMonitor.exe", "w3svc"]
