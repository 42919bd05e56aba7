using Microsoft.Playwright;
using Portal.E2ETests.Pages;

namespace Portal.E2ETests.Chat;

/// <summary>The message list both sides share: one bubble per message, own on the right with ticks.</summary>
public sealed class ChatMessages(ILocator scope)
{
    public ILocator Log => scope.GetByRole(AriaRole.Log, new() { Name = "Messages" });

    public ILocator Bubbles => Log.Locator(".chat-bubble");

    public ILocator Bubble(string text) => Log.Locator(".chat-bubble", new() { HasText = text });

    /// <summary>The visible tick and its spoken name, e.g. "✓✓Read".</summary>
    public ILocator Ticks(string text) => Bubble(text).Locator(".chat-ticks");

    public ILocator Typing => Log.Locator(".chat-typing");

    public ILocator Composer => scope.GetByLabel("Message", new() { Exact = true });

    public async Task SendAsync(string text)
    {
        await Composer.FillAsync(text);
        await Composer.PressAsync("Enter");
        await Assertions.Expect(Bubble(text)).ToBeVisibleAsync();
    }
}

/// <summary>"/chat": the investor's chat.</summary>
public sealed class InvestorChatPage(IPage page)
{
    public const string Path = "/chat";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Chat with us", Level = 1 });

    public ILocator FirstMessage => page.GetByLabel("Your question (optional)");

    public ILocator StartButton => page.GetByRole(AriaRole.Button, new() { Name = "Start chat" });

    // The main content's status (the app bar's unread count is a status too).
    public ILocator Status => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Status).Filter(new() { HasNotText = "Loading" });

    public ILocator EndButton => page.GetByRole(AriaRole.Button, new() { Name = "End chat" });

    public ChatMessages Messages => new(page.Locator("body"));

    public async Task<InvestorChatPage> OpenAsync()
    {
        await page.GotoAsync(Path);
        await new ShellPage(page).WaitUntilInteractiveAsync();
        return this;
    }

    public async Task EndAsync()
    {
        await EndButton.ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "End chat" }).ClickAsync();
    }
}

/// <summary>"/agent": the chat console of agents and specialists.</summary>
public sealed class AgentConsolePage(IPage page)
{
    public const string Path = "/agent";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Service desk", Level = 1 });

    public ILocator Presence(string name) => page.GetByRole(AriaRole.Radio, new() { Name = name, Exact = true });

    public ILocator QueueHeading => page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Queue") });

    public ILocator QueueRows => page.Locator("table").Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Offered to" }) }).Locator("tbody tr");

    public ILocator Offer => page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "New chat offered to you" });

    public ILocator Tab(string investorName) => page.GetByRole(AriaRole.Tab, new() { Name = investorName });

    public ChatMessages Messages => new(page.Locator(".mud-tabs-panels"));

    public async Task<AgentConsolePage> OpenAsync()
    {
        await page.GotoAsync(Path);
        await new ShellPage(page).WaitUntilInteractiveAsync();
        await Assertions.Expect(QueueHeading).ToBeVisibleAsync();
        return this;
    }

    public async Task GoOnlineAsync()
    {
        await SetPresenceAsync("Online");
    }

    /// <summary>Chooses a presence and waits until the desk line says it is saved.</summary>
    public async Task SetPresenceAsync(string presence)
    {
        await Presence(presence).ClickAsync();
        await Assertions.Expect(Presence(presence)).ToBeCheckedAsync();
    }

    public async Task TransferToSpecialistsAsync(string note)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Transfer to").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Specialists team" }).ClickAsync();
        await dialog.GetByLabel("Note for the receiver").FillAsync(note);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Transfer", Exact = true }).ClickAsync();
        await Assertions.Expect(dialog).ToHaveCountAsync(0);
    }
}

/// <summary>The chat panel on "/supervisor": figures, agents, active chats and the read-only view of one.</summary>
public sealed class SupervisorChatPanel(IPage page)
{
    private ILocator Panel => page.Locator(".mud-paper").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Live chat", Level = 2 }) });

    public ILocator ActiveRow(string investorName) =>
        Panel.Locator("table").Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Client" }) }).Locator("tbody tr", new() { HasText = investorName });

    public ILocator Agent(string name) =>
        Panel.Locator("table").Filter(new() { Has = page.GetByRole(AriaRole.Columnheader, new() { Name = "Chats / capacity" }) }).Locator("tbody tr", new() { HasText = name });

    public ChatMessages Viewer => new(page.GetByRole(AriaRole.Dialog));

    public async Task OpenAsync()
    {
        await page.GotoAsync("/supervisor");
        await new ShellPage(page).WaitUntilInteractiveAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Live chat", Level = 2 })).ToBeVisibleAsync();
    }

    public async Task ViewAsync(string investorName) =>
        await page.GetByRole(AriaRole.Button, new() { Name = $"View the chat with {investorName}" }).ClickAsync();
}

/// <summary>Where the chat tests leave their screenshots: the test output's screenshots folder.</summary>
public static class ChatScreenshots
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "screenshots", name);
}
