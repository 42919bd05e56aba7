namespace Portal.Web.Features.Chat.Ui;

/// <summary>"Typing…" for five seconds after the other side's last Typing event, then gone by itself.</summary>
public sealed class TypingIndicator(Func<Task> changed) : IDisposable
{
    public static readonly TimeSpan ShownFor = TimeSpan.FromSeconds(5);

    private Timer? _timer;

    public bool IsShown { get; private set; }

    public void Show()
    {
        IsShown = true;
        _timer?.Dispose();
        _timer = new Timer(_ => _ = HideAndTellAsync(), null, ShownFor, Timeout.InfiniteTimeSpan);
    }

    public void Hide()
    {
        IsShown = false;
        _timer?.Dispose();
        _timer = null;
    }

    public void Dispose() => _timer?.Dispose();

    private async Task HideAndTellAsync()
    {
        IsShown = false;
        await changed();
    }
}
