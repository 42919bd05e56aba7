# syntax=docker/dockerfile:1
# Multi-stage build: the SDK image builds and publishes; the small ASP.NET runtime image runs it as a non-root user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source
# Restore first, from the files that decide the package graph, so the layer is cached between code changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Portal.Web/Portal.Web.csproj src/Portal.Web/
RUN dotnet restore src/Portal.Web/Portal.Web.csproj
COPY src/ src/
COPY wwwroot/ wwwroot/
COPY content/ content/
RUN dotnet publish src/Portal.Web/Portal.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# PostgreSQL by default in the container; the connection string comes from the environment
# (ConnectionStrings__Portal). Demo data stays off unless Portal__DemoData=true.
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Database__Provider=Postgres \
    Email__PickupFolder=/tmp/portal-mail
EXPOSE 8080
# The image's built-in unprivileged user.
USER $APP_UID
ENTRYPOINT ["dotnet", "Portal.Web.dll"]
