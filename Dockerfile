# syntax=docker/dockerfile:1
# Production image for src/FPbase.Web. Built and run by docker-compose.yml.
#   docker build -t fpbase-web .

############################ build ############################
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so the package layer is cached
# until a project file or a package version changes.
COPY Directory.Build.props Directory.Build.targets Directory.Packages.props ./
COPY src/FPbase.Caching/FPbase.Caching.csproj src/FPbase.Caching/
COPY src/FPbase.Data/FPbase.Data.csproj src/FPbase.Data/
COPY src/FPbase.Web/FPbase.Web.csproj src/FPbase.Web/
RUN dotnet restore src/FPbase.Web/FPbase.Web.csproj

COPY .editorconfig ./
COPY src/ src/
RUN dotnet publish src/FPbase.Web/FPbase.Web.csproj -c Release --no-restore \
        -o /app -p:UseAppHost=false

############################ runtime ############################
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
COPY --from=build /app ./

# Non-root: the .NET images ship the user "app" (uid in $APP_UID, 1654).
USER $APP_UID
EXPOSE 8080

# No curl/wget in the image: a plain HTTP request over bash's /dev/tcp.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /livez HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["dotnet", "FPbase.Web.dll"]
