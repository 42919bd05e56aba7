using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Portal.Web.Data;
using Portal.Web.Features.Content;

namespace Portal.ComponentTests.Content;

/// <summary>
/// A real database of published content (SQLite in memory) that answers as slowly as a test wants: after
/// <see cref="HoldNext"/> the next context is handed out only when the test releases it. The hold ignores
/// cancellation on purpose, like a database that has already started the query.
/// </summary>
public sealed class SlowContentDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly DbContextOptions<SqlitePortalDbContext> _options;
    private readonly ConcurrentQueue<Hold> _holds = new();

    public SlowContentDatabase(params (ContentKind Kind, string Slug, string Title, string Body)[] published)
    {
        _connection.Open();
        _options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(_connection).Options;
        using var db = CreateDbContext();
        db.Database.EnsureCreated();
        foreach (var (kind, slug, title, body) in published)
        {
            db.Add(new ContentItem
            {
                Kind = kind, Slug = slug, Language = ContentLanguages.English, Title = title, Summary = title + ".", Category = "basics",
                Body = body, Status = ContentStatus.Published, PublishedAt = DateTimeOffset.UtcNow, CurrentVersion = 1,
            });
        }

        db.SaveChanges();
    }

    /// <summary>The next context waits until the returned hold is released.</summary>
    public Hold HoldNext()
    {
        var hold = new Hold();
        _holds.Enqueue(hold);
        return hold;
    }

    public PortalDbContext CreateDbContext() => new SqlitePortalDbContext(_options);

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        if (_holds.TryDequeue(out var hold))
        {
            await hold.WaitAsync(cancellationToken);
        }

        return CreateDbContext();
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    public sealed class Hold
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The token the load that reached this hold was given.</summary>
        public CancellationToken Token { get; private set; }

        public bool Reached { get; private set; }

        public void Release() => _released.SetResult();

        internal Task WaitAsync(CancellationToken cancellationToken)
        {
            Token = cancellationToken;
            Reached = true;
            return _released.Task;
        }
    }
}
