using Microsoft.Extensions.Options;

namespace Portal.Web.Features.Notifications.Outbox;

/// <summary>Runs the dispatcher: round after round while there is work, else waits for the poll interval or an early wake.</summary>
internal sealed partial class NotificationDispatchService(
    NotificationDispatcher dispatcher, NotificationSignal signal, IOptions<NotificationsOptions> options, ILogger<NotificationDispatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromMilliseconds(options.Value.PollIntervalMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var handled = 0;
            try
            {
                handled = await dispatcher.RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRoundFailed(ex);
            }

            if (handled == 0)
            {
                try
                {
                    await signal.WaitAsync(poll, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A notification dispatch round failed; the next one tries again.")]
    private partial void LogRoundFailed(Exception exception);
}
