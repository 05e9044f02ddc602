# The bot as a container: built with the .NET SDK, run on the ASP.NET Core runtime as a non-root
# user. The test command (test.sh) runs the same restore and publish, so CI proves these steps
# without a Docker engine.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props appsettings.json ./
COPY build/ build/
# The bot's project references the others under src/.
COPY src/ src/
RUN dotnet restore src/IntegrifyBot/IntegrifyBot.csproj
RUN dotnet publish src/IntegrifyBot/IntegrifyBot.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The data folder (the SQLite database by default) is the only place the bot writes; mount a volume here.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME /app/data
ENV Bot__DataFolder=/app/data \
    Urls=http://+:8080
USER $APP_UID
EXPOSE 8080
# The image has no curl; the bot checks itself (GET /healthz) and exits 0 or 1.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["dotnet", "/app/IntegrifyBot.dll", "--healthcheck", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "IntegrifyBot.dll"]
