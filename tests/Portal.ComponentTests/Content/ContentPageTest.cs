using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Web.Data;
using Portal.Web.Features.Content;
using Portal.Web.Hosting.LiveUpdates;

namespace Portal.ComponentTests.Content;

/// <summary>A bUnit context for the reading pages: their real services over a <see cref="SlowContentDatabase"/> of published content.</summary>
public abstract class ContentPageTest : PortalComponentTest
{
    protected ContentPageTest(params (ContentKind Kind, string Slug, string Title, string Body)[] published)
    {
        Database = new SlowContentDatabase(published);
        // Registered through a factory, so the context disposes it (and its in-memory database) at the end.
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(_ => Database);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ContentRenderer>();
        Services.AddSingleton<LocalSubscribers>();
        Services.AddSingleton<IEventBus, InMemoryEventBus>();
        Services.AddOutputCache();
        Services.AddSingleton<PublishedContent>();
        Services.AddScoped<ContentLibrary>();
        Services.AddScoped<ContentSearch>();
    }

    protected SlowContentDatabase Database { get; }
}
