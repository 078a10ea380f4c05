using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Npgsql;
using SelfLearn.Agents.Maas;
using SelfLearn.Agents.Student.Embeddings;
using SelfLearn.Agents.Student.Feedback;
using SelfLearn.Agents.Student.Generation;
using SelfLearn.Agents.Student.Memories;
using SelfLearn.Agents.Student.Querying;
using SelfLearn.Agents.Student.Retrieval;
using SelfLearn.Agents.Student.Telemetry;
using SelfLearn.Agents.Student.Telemetry.Partitions;
using SelfLearn.Api.Security;

namespace SelfLearn.Api.Hosting;

/// <summary>The reference memory service (the Student) and the HTTP client the rest of SelfLearn uses to reach a MaaS.</summary>
public static class StudentSetup
{
    public static void AddStudent(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<IndexCacheOptions>().BindConfiguration(IndexCacheOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AnnOptions>().BindConfiguration(AnnOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMemorySource, StoredMemories>();
        services.AddSingleton<MemoryIndexCache>();
        services.AddOptions<EmbeddingBatchOptions>().BindConfiguration(EmbeddingBatchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new BatchingEmbedder(new ArcticXsEmbedder(), sp.GetRequiredService<IOptions<EmbeddingBatchOptions>>().Value));
        // Vectors are computed once: memory first, then PostgreSQL (survives restarts and re-imports), then the model,
        // whose concurrent callers share batches and texts in flight.
        services.AddSingleton<ITextEmbedder>(sp => new CachedEmbedder(
            new CachedEmbedder(sp.GetRequiredService<BatchingEmbedder>(), new PostgresEmbeddingCache(sp.GetRequiredService<NpgsqlDataSource>())),
            new InMemoryEmbeddingCache(50_000)));
        // The second model (retrieval.second_embedder = minilm), cached and batched the same way; it loads on first use.
        services.AddKeyedSingleton(SecondEmbedder.MiniLm, (sp, _) =>
            new BatchingEmbedder(new MiniLmEmbedder(), sp.GetRequiredService<IOptions<EmbeddingBatchOptions>>().Value));
        services.AddKeyedSingleton<ITextEmbedder>(SecondEmbedder.MiniLm, (sp, key) => new CachedEmbedder(
            new CachedEmbedder(sp.GetRequiredKeyedService<BatchingEmbedder>(key), new PostgresEmbeddingCache(sp.GetRequiredService<NpgsqlDataSource>())),
            new InMemoryEmbeddingCache(50_000)));
        services.AddSingleton(sp => new OfflineAnswerer(sp.GetRequiredService<ITextEmbedder>()));
        services.AddSingleton(sp => ChatClientSetup.Create(builder.Configuration, embedder: sp.GetRequiredService<ITextEmbedder>()));
        services.AddSingleton(sp => new AnswerGenerator(sp.GetRequiredService<IChatClient>()));
        services.AddSingleton<IngestMemories>();
        services.AddSingleton<ForgetUser>();
        services.AddSingleton<AnswerQuestion>();
        services.AddSingleton<RecordFeedback>();
        services.AddSingleton<TelemetryWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<TelemetryWriter>());
        services.AddOptions<TelemetryPartitionOptions>().BindConfiguration(TelemetryPartitionOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TelemetryPartitions>();
        services.AddHostedService<TelemetryPartitionMaintenance>();

        services.AddHttpClient<IMaasClient, HttpMaasClient>((sp, http) =>
        {
            http.BaseAddress = new Uri((builder.Configuration["Maas:BaseUrl"] ?? OwnAddress(sp)).TrimEnd('/') + "/");
            if ((builder.Configuration["Maas:ApiKey"] ?? OwnKey(builder.Configuration)) is { } key)
                http.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, key);
        });
    }

    /// <summary>By default the client talks to the Student served by this very process.</summary>
    private static string OwnAddress(IServiceProvider sp) =>
        sp.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
        ?? throw new InvalidOperationException("Maas:BaseUrl is not set and this process serves no HTTP address.");

    private static string? OwnKey(IConfiguration configuration) =>
        configuration.GetSection(ApiKeyTable.Section).GetChildren().FirstOrDefault(k => k.Value is Roles.Service or Roles.MetaUser)?.Key;
}
