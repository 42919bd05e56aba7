namespace Portal.Web.Resources;

/// <summary>The chat's own texts: system messages in a chat, the transcripts, the chat setting's errors.</summary>
public sealed class ChatText;
