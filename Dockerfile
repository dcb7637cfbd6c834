# Multi-stage build of the TileServer host; runs as a non-root user.
#   docker build -t tileserver .
#   docker run -p 8080:8080 tileserver                 # embedded sample GeoPackage, generated at first start
#   docker run -p 8080:8080 -e TILESERVER_POSTGIS="Host=db;Username=…;Password=…;Database=…" -e TILESERVER_REDIS="redis:6379" tileserver
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# The map viewer (viewer/) is bundled by npm during the build (docs/viewer.md).
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
COPY Directory.Build.props Directory.Packages.props TileServer.sln ./
COPY src ./src
COPY data ./data
COPY config ./config
COPY viewer/package.json viewer/package-lock.json viewer/build.mjs ./viewer/
COPY viewer/src ./viewer/src
RUN dotnet publish src/TileServer/TileServer.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /srv/tileserver
COPY --from=build /app ./app
COPY --from=build /src/viewer/dist ./viewer/dist
COPY config ./config
# Styles are read at start-up (raster tiles, WMTS legends, MapLibre styles): without them the server refuses to start.
COPY styles ./styles
RUN mkdir data && chown -R app:app /srv/tileserver && apt-get update -qq && apt-get install -y -qq --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
USER app
ENV TileServer__Urls=http://0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=180s CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "app/TileServer.dll"]
CMD ["serve"]
