using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Portal.IntegrationTests.Hosting;

/// <summary>
/// The app with small rate limits of its own (the other test apps raise them, see <see cref="PortalApp"/>) and
/// its log messages kept, so tests can see what a rejection logs.
/// </summary>
public sealed class RateLimitedPortalApp : PortalApp
{
    public const int SignInPerAddress = 4;
    public const int SignInPerAccount = 3;
    public const int ActivationPerAddress = 4;
    public const int ActivationPerAccount = 3;
    public const int CodeEntryPerAddress = 4;
    public const int ForgotPasswordPerAddress = 3;
    public const int ForgotPasswordPerAccount = 2;
    public const int SearchPerAddress = 5;

    public ConcurrentQueue<string> Log { get; } = new();

    protected override bool RaisesRateLimits => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:SignInPerAddress", SignInPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:SignInPerAccount", SignInPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ActivationPerAddress", ActivationPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ActivationPerAccount", ActivationPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:CodeEntryPerAddress", CodeEntryPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ForgotPasswordPerAddress", ForgotPasswordPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:ForgotPasswordPerAccount", ForgotPasswordPerAccount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimits:SearchPerAddress", SearchPerAddress.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureLogging(logging => logging.AddProvider(new KeepingLoggerProvider(Log)));
    }

    private sealed class KeepingLoggerProvider(ConcurrentQueue<string> log) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new KeepingLogger(categoryName, log);

        public void Dispose()
        {
        }
    }

    private sealed class KeepingLogger(string category, ConcurrentQueue<string> log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
            }
        }
    }
}
