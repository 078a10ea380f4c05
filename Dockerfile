# The app image the docker-compose cluster profile runs (docs/CLUSTER.md). Built from the repository root:
#   docker compose --profile cluster up --build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/SelfLearn.Api -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The LoCoMo dev split the cycle's offline screen reads (data/locomo, with its licence).
COPY data /data
ENV ASPNETCORE_URLS=http://0.0.0.0:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "SelfLearn.Api.dll"]
