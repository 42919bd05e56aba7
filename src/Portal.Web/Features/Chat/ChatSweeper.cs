using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Portal.Web.Resources;

namespace Portal.Web.Features.Chat;

/// <summary>
/// Every few seconds (<see cref="ChatOptions.SweepIntervalSeconds"/>), on every instance: a round of
/// <see cref="ChatService"/>'s sweep. Safe on several instances at once: each change is a conditional update.
/// </summary>
internal sealed partial class ChatSweeper(
    ChatService chat, ChatConnections connections, IStringLocalizer<ChatText> text, IOptions<ChatOptions> options, ILogger<ChatSweeper> logger)
    : BackgroundService
{
    /// <summary>The cultures a system message is written in, one line each.</summary>
    private static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("en"), CultureInfo.GetCultureInfo("zh-Hans")];

    public Task SweepOnceAsync(CancellationToken cancellationToken) => chat.SweepAsync(connections.DeskUsers, SystemText, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(ex);
            }
        }
    }

    private string SystemText(string key, int minutes)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            return string.Join("\n", Cultures.Select(culture =>
            {
                CultureInfo.CurrentUICulture = culture;
                return text[key, minutes].Value;
            }));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A chat sweep failed; the next one tries again.")]
    private partial void LogSweepFailed(Exception exception);
}
