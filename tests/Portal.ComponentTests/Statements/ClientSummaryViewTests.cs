using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Portal.Web.Features.Accounts;
using Portal.Web.Features.Statements;
using Portal.Web.Hosting;

namespace Portal.ComponentTests.Statements;

/// <summary>MudBlazor's services dispose asynchronously, so the bUnit context is disposed through IAsyncLifetime.</summary>
#pragma warning disable CA1001 // Disposed in IAsyncLifetime.DisposeAsync, which xUnit calls.
public sealed class ClientSummaryViewTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
#pragma warning restore CA1001

    private static readonly ClientSummaryData Gold = new(
        2, "陈建华", "880000000002", "**************135X", ClientTier.Gold, 3,
        [
            new(new DateTimeOffset(2026, 10, 9, 6, 30, 0, TimeSpan.Zero), new DateOnly(2026, 10, 1), ClientTier.Silver, ClientTier.Gold, true, "Long-standing client, volume recovering", "刘洋"),
            new(new DateTimeOffset(2025, 1, 1, 2, 0, 0, TimeSpan.Zero), new DateOnly(2024, 12, 1), ClientTier.Gold, ClientTier.Silver, false, "", "Month-end"),
        ],
        [new("880000000002-1", AccountKind.Fund), new("880000000002-2", AccountKind.Trading)],
        6_014_347_08, 76_310_00, new DateOnly(2026, 10, 31),
        [
            new(7, "T202611180002", new DateOnly(2026, 11, 18), "880000000002-1", TransactionType.Subscription, TransactionStatus.Failed,
                "000707", "科创先锋股票", null, null, 20_000_00, 0, 0, FailureReason.AfterCutOff, null, null, DateTimeOffset.UnixEpoch),
        ]);

    public ClientSummaryViewTests()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en");
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddLocalization();
        _context.Services.AddSingleton(TimeProvider.System);
        _context.Services.AddSingleton(Options.Create(new PortalOptions()));
        _context.Services.AddSingleton<StatementCalendar>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _context.DisposeAsync();

    private IRenderedComponent<ClientSummaryView> Render(ClientSummaryData data) =>
        _context.Render<ClientSummaryView>(p => p.Add(v => v.Data, data));

    [Fact]
    public void Client_and_account_numbers_are_masked()
    {
        var view = Render(Gold);

        Assert.DoesNotContain("880000000002", view.Markup, StringComparison.Ordinal);
        Assert.Contains("8800****0002", view.Markup, StringComparison.Ordinal);
        Assert.Contains("8800****0002-2 · Trading account", view.Markup, StringComparison.Ordinal);
        Assert.Contains("**************135X", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_tier_history_with_the_override_reason_and_who_made_it()
    {
        var view = Render(Gold);

        Assert.Contains("Silver → Gold", view.Markup, StringComparison.Ordinal);
        Assert.Contains("2026-10-09 14:30", view.Markup, StringComparison.Ordinal);
        Assert.Contains("Override by 刘洋: Long-standing client, volume recovering", view.Markup, StringComparison.Ordinal);
        Assert.Contains("Month-end (2024-12)", view.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_holdings_totals_and_recent_transactions_with_failure_reasons()
    {
        var view = Render(Gold);

        Assert.Contains("¥6,014,347.08", view.Markup, StringComparison.Ordinal);
        Assert.Contains("¥76,310.00", view.Markup, StringComparison.Ordinal);
        Assert.Contains("The order arrived after the day's cut-off time.", view.Find("table").TextContent, StringComparison.Ordinal);
        Assert.Contains("Failed", view.Find("table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_history_or_statement_says_so()
    {
        var view = Render(Gold with { TierHistory = [], ValuedAt = null, Recent = [] });

        Assert.Contains("No tier changes recorded.", view.Markup, StringComparison.Ordinal);
        Assert.Contains("No statement yet.", view.Markup, StringComparison.Ordinal);
        Assert.Contains("No transactions.", view.Markup, StringComparison.Ordinal);
    }
}
