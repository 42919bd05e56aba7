using System.Collections.Concurrent;
using Portal.Web.Features.Accounts;

namespace Portal.Web.Features.Chat;

/// <summary>
/// The desk users connected to this instance (an agent console circuit, a hub connection). The sweeper keeps their
/// last-seen time fresh in the database; a desk user unseen for the grace period on every instance has their chats requeued.
/// </summary>
public sealed class ChatConnections
{
    private readonly ConcurrentDictionary<string, int> _deskUsers = new(StringComparer.Ordinal);

    /// <summary>Holds the user as connected until disposed; only desk users are tracked.</summary>
    public IDisposable Register(Actor actor)
    {
        if (actor.UserId is not { } userId || !actor.IsInAnyRole(ChatService.DeskRoles))
        {
            return Released.Instance;
        }

        _deskUsers.AddOrUpdate(userId, 1, (_, count) => count + 1);
        return new Registration(this, userId);
    }

    /// <summary>The desk users connected here now.</summary>
    internal IReadOnlyList<string> DeskUsers => [.. _deskUsers.Keys];

    private void Release(string userId)
    {
        while (_deskUsers.TryGetValue(userId, out var count))
        {
            if (count <= 1 ? _deskUsers.TryRemove(new KeyValuePair<string, int>(userId, count)) : _deskUsers.TryUpdate(userId, count - 1, count))
            {
                return;
            }
        }
    }

    private sealed class Registration(ChatConnections owner, string userId) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Release(userId);
            }
        }
    }

    private sealed class Released : IDisposable
    {
        public static readonly Released Instance = new();

        public void Dispose()
        {
        }
    }
}
