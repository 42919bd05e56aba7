using Microsoft.Playwright;

namespace Portal.E2ETests.Pages;

/// <summary>"/agent": the service desk home of agents and specialists.</summary>
public sealed class AgentHomePage(IPage page)
{
    public const string Path = "/agent";

    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Name = "Service desk", Level = 1 });
}
