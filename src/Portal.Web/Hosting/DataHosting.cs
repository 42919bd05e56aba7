using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Portal.Web.Data;
using Portal.Web.Features.Audit;

namespace Portal.Web.Hosting;

public static class DataHosting
{
    public static IHostApplicationBuilder AddPortalData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<PortalOptions>().BindConfiguration(PortalOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new();
        var connectionString = builder.Configuration.GetConnectionString("Portal");
        switch (database.Provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Portal is not set.");
                }

                builder.Services.AddPooledDbContextFactory<PostgresPortalDbContext>(o => o.UseNpgsql(WithAutoPrepare(connectionString)).AddInterceptors(AuditChainInterceptor.Instance));
                builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<PostgresPortalDbContext>>();
                break;
            default:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    var folder = Path.Combine(builder.Environment.ContentRootPath, database.DataFolder);
                    Directory.CreateDirectory(folder);
                    connectionString = $"Data Source={Path.Combine(folder, "portal.db")}";
                }

                var writeGate = new SqliteWriteGate();
                builder.Services.AddSingleton(_ => writeGate);
                builder.Services.AddPooledDbContextFactory<SqlitePortalDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(AuditChainInterceptor.Instance, writeGate));
                builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
                break;
        }

        // Identity's stores and the data-protection key ring want a scoped context.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        return builder;
    }

    /// <summary>
    /// Lets Npgsql prepare the statements a connection runs most (20 unless the connection string says otherwise; 0 turns
    /// it off). Pages run the same few queries over and over, and the server then skips parsing and planning them.
    /// </summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var setByOperator = given.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase));
        return setByOperator ? connectionString : new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 20 }.ConnectionString;
    }

    /// <summary>Applies migrations (when configured) and loads demo data (when on).</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (database.MigrateOnStartup)
            {
                await db.Database.MigrateAsync(cancellationToken);
            }

            if (db.Database.IsSqlite())
            {
                // Readers do not block the writer.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        if (!IsDemoDataOn(app))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder>().OrderBy(s => s.Order))
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    private static bool IsDemoDataOn(WebApplication app)
    {
        var portal = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        return portal.DemoData ?? (database.Provider == DatabaseProvider.Sqlite && !app.Environment.IsProduction());
    }
}
