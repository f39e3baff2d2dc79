namespace TrayPop.Core.Pop;

/// <summary>What a pop decision opens, in the words reported back to the softphone.</summary>
internal enum PopKind
{
    OpenRecord,
    NewContactForm,
    Search,
    CustomUrl,
    Notify,
    Choose,
    Nothing,
}
