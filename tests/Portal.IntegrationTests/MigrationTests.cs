using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Portal.Web.Data;

namespace Portal.IntegrationTests;

/// <summary>A model change without a migration fails here, for each provider (add one with dotnet ef for both).</summary>
public sealed class MigrationTests
{
    public static TheoryData<string> Providers() => [nameof(SqlitePortalDbContext), nameof(PostgresPortalDbContext)];

    [Theory]
    [MemberData(nameof(Providers))]
    public void The_model_has_no_changes_without_a_migration(string context)
    {
        using PortalDbContext db = context == nameof(SqlitePortalDbContext)
            ? Create(new SqliteDesignTimeFactory())
            : Create(new PostgresDesignTimeFactory());

        Assert.False(db.Database.HasPendingModelChanges(),
            $"{context} has model changes without a migration: run the two 'dotnet ef migrations add' commands of the brief.");
    }

    private static TContext Create<TContext>(IDesignTimeDbContextFactory<TContext> factory)
        where TContext : DbContext => factory.CreateDbContext([]);
}
