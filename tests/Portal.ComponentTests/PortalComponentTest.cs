using System.Globalization;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Portal.Web.Hosting;

namespace Portal.ComponentTests;

/// <summary>
/// A bUnit context with what the portal's components expect: MudBlazor services, the app's localized texts,
/// a test user (<see cref="Auth"/>: anonymous until a test signs one in) and the portal options.
/// </summary>
public abstract class PortalComponentTest : BunitContext, IAsyncLifetime
{
    private readonly CultureInfo _previousUiCulture = CultureInfo.CurrentUICulture;
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentCulture;

    protected PortalComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(Options.Create(Portal));
        Auth = AddAuthorization();
        UseCulture("en");
    }

    protected PortalOptions Portal { get; } = new() { BrandName = "Portal" };

    protected BunitAuthorizationContext Auth { get; }

    /// <summary>Renders in this language, as the request-localization middleware would set it.</summary>
    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously, and xUnit 2 disposes test classes synchronously unless told.
    async Task IAsyncLifetime.DisposeAsync()
    {
        CultureInfo.CurrentUICulture = _previousUiCulture;
        CultureInfo.CurrentCulture = _previousCulture;
        await DisposeAsync();
    }
}
