namespace Portal.Web.Resources;

/// <summary>The chat pages: the investor's chat, the chat button, the agent console, the supervisor's chat panel and the chat editors.</summary>
public sealed class ChatPagesText;
