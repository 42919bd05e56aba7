using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Portal.Web.Hosting;

/// <summary>
/// Limits the requests that guess at secrets (sign-in, activation, codes, password reset) or cost the database
/// (search), per client address and, where the form names an account, per account too. A refused request gets 429
/// with Retry-After and the friendly status page (/status/429). The counters live in this instance's memory.
/// </summary>
/// <remarks>
/// The limits are chosen by path rather than by endpoint metadata: the Identity pages are Razor component endpoints,
/// and one table here says what is limited. The client address is the one the forwarded-headers middleware settled.
/// </remarks>
public static partial class RateLimitHosting
{
    private static readonly LimitedRoute[] Routes =
    [
        new("sign-in", "/Account/Login", PostOnly: true, AccountField: "Input.Email", o => o.SignInPerAddress, o => o.SignInPerAccount),
        new("activation", "/Account/Activate", PostOnly: true, AccountField: "Input.AccountNumber", o => o.ActivationPerAddress, o => o.ActivationPerAccount),
        new("code-entry", "/Account/Activate/Confirm", PostOnly: true, AccountField: null, o => o.CodeEntryPerAddress, null),
        new("code-entry", "/Account/LoginWith2fa", PostOnly: true, AccountField: null, o => o.CodeEntryPerAddress, null),
        new("forgot-password", "/Account/ForgotPassword", PostOnly: true, AccountField: "Input.Email", o => o.ForgotPasswordPerAddress, o => o.ForgotPasswordPerAccount),
        new("search", "/search", PostOnly: false, AccountField: null, o => o.SearchPerAddress, null),
    ];

    public static IHostApplicationBuilder AddPortalRateLimits(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            var settings = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Find(context) is { } route
                        ? Window($"{route.Policy} address {context.Connection.RemoteIpAddress}", route.PerAddress(settings), settings)
                        : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(context =>
                    Find(context) is { PerAccount: { } perAccount } route && Account(context, route) is { } account
                        ? Window($"{route.Policy} account {account}", perAccount(settings), settings)
                        : RateLimitPartition.GetNoLimiter("")));
            options.OnRejected = (rejected, _) =>
            {
                var context = rejected.HttpContext;
                if (rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimitHosting));
                LogRejected(logger, Find(context)?.Policy ?? "unknown", context.Request.Method, context.Request.Path);
                // No body: the status-page middleware re-executes /status/429 and shows the localized page. The refused
                // post never reached its page, so the status page is rendered as a plain GET (a re-executed POST would
                // be checked for an antiforgery token, and one without a valid token would turn the 429 into a 400).
                context.Request.Method = HttpMethods.Get;
                return ValueTask.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>Reads the posted form of a limited page first (the partition needs the account it names), then limits.</summary>
    public static WebApplication UsePortalRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (Find(context) is { AccountField: not null } && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // A malformed form names no account; the page itself answers it.
                }
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    private static RateLimitPartition<string> Window(string key, int permits, RateLimitOptions settings) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = settings.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static LimitedRoute? Find(HttpContext context)
    {
        var request = context.Request;
        foreach (var route in Routes)
        {
            if (request.Path.Equals(route.Path, StringComparison.OrdinalIgnoreCase) && (!route.PostOnly || HttpMethods.IsPost(request.Method)))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary>The account the posted form names, normalised; null when the form was not read or names none.</summary>
    private static string? Account(HttpContext context, LimitedRoute route)
    {
        var form = context.Features.Get<IFormFeature>()?.Form;
        var value = form is not null && route.AccountField is { } field ? form[field].ToString().Trim() : "";
        return value.Length == 0 ? null : value.ToUpperInvariant();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limit {Policy} refused {Method} {Path}")]
    private static partial void LogRejected(ILogger logger, string policy, string method, PathString path);

    private sealed record LimitedRoute(
        string Policy, string Path, bool PostOnly, string? AccountField, Func<RateLimitOptions, int> PerAddress, Func<RateLimitOptions, int>? PerAccount);
}
