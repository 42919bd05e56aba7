using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Portal.Web.Components.Shared;
using Portal.Web.Features.Content.Reading;

namespace Portal.Web.Features.Content;

public static class ContentHosting
{
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ContentRenderer>();
        services.AddSingleton<ShippedContentImporter>();
        services.AddSingleton<PublishedContent>();
        services.AddScoped<ContentLibrary>();
        services.AddScoped<ContentSearch>();
        services.AddScoped<ContentWorkspace>();
        // What the reading pages hand from the prerender to the live circuit, as compact JSON (see ReadingStateSerializer).
        AddReadingState<IReadOnlyList<RenderedPage>>(services);
        AddReadingState<Loaded<ArticleView>>(services);
        AddReadingState<Loaded<RenderedPage>>(services);
        AddReadingState<IReadOnlyList<FaqQuestion>>(services);
        AddReadingState<LearnView>(services);
        // Hosted services start after the database is migrated (Program.cs runs InitializeDatabaseAsync first).
        services.AddHostedService<ShippedContentStartup>();
        services.AddHostedService<ScheduledPublisher>();
        return builder;
    }

    private static void AddReadingState<T>(IServiceCollection services) =>
        services.AddSingleton<PersistentComponentStateSerializer<T>, ReadingStateSerializer<T>>();

    /// <summary>The media store: uploaded images at <c>/media/{id}</c>, the only images articles may show.</summary>
    public static IEndpointRouteBuilder MapContent(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ContentRenderer.MediaPrefix + "{id:guid}", async (Guid id, ContentWorkspace workspace, HttpContext context, CancellationToken cancellationToken) =>
        {
            var asset = await workspace.FindMediaAsync(id, cancellationToken);
            if (asset is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(asset.Data, asset.ContentType);
        }).AllowAnonymous();
        return endpoints;
    }
}

/// <summary>Imports the shipped content once at start-up, with or without demo data.</summary>
internal sealed partial class ShippedContentStartup(ShippedContentImporter importer, ILogger<ShippedContentStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await importer.ImportAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or IOException)
        {
            // Readers still get what the database already holds; the next start tries again.
            LogFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Importing the shipped content failed; the portal runs with the content it already has.")]
    private partial void LogFailed(Exception ex);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Publishes approved items when their publish-at time comes.</summary>
internal sealed partial class ScheduledPublisher(
    IServiceScopeFactory scopes,
    IOptions<ContentOptions> options,
    ILogger<ScheduledPublisher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PublishCheckInterval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var published = await scope.ServiceProvider.GetRequiredService<ContentWorkspace>().PublishDueAsync(stoppingToken);
                if (published > 0)
                {
                    LogPublished(published);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} scheduled content items.")]
    private partial void LogPublished(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled publishing failed; retrying at the next interval.")]
    private partial void LogFailed(Exception ex);
}
