namespace TrayPop.Core.Pop;

/// <summary>What an unknown caller gets.</summary>
internal enum UnknownCallerAction
{
    /// <summary>Open the new-contact form pre-filled with the number (headless default).</summary>
    NewContactForm,

    /// <summary>Show a notification; a click opens the pre-filled form (tray default on Windows).</summary>
    Notify,
}
