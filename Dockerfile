# Multi-stage build of the TileServer host. Run: docker build -t tileserver . && docker run -p 8080:8080 tileserver
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/TileServer/TileServer.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /srv/tileserver
COPY --from=build /app ./app
COPY config ./config
RUN mkdir data && chown -R app:app /srv/tileserver
USER app
ENV TileServer__Urls=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "app/TileServer.dll"]
CMD ["serve"]
