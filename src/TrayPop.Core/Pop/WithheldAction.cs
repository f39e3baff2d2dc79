namespace TrayPop.Core.Pop;

/// <summary>What a call with a withheld number gets.</summary>
internal enum WithheldAction
{
    Nothing,

    /// <summary>Open the new-contact form with no number in it.</summary>
    NewContactForm,
}
