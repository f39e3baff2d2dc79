using System.Runtime.InteropServices;

namespace TrayPop.Windows.Interop;

/// <summary>NOTIFYICONDATAW (shellapi.h), full Vista+ size: 976 bytes on x64.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NotifyIconData
{
    public const int TipLength = 128;
    public const int InfoLength = 256;
    public const int InfoTitleLength = 64;

    public uint cbSize;
    public nint hWnd;
    public uint uID;
    public uint uFlags;
    public uint uCallbackMessage;
    public nint hIcon;
    public fixed char szTip[TipLength];
    public uint dwState;
    public uint dwStateMask;
    public fixed char szInfo[InfoLength];

    /// <summary>uTimeout, or uVersion for NIM_SETVERSION (a union).</summary>
    public uint uTimeoutOrVersion;
    public fixed char szInfoTitle[InfoTitleLength];
    public uint dwInfoFlags;
    public Guid guidItem;
    public nint hBalloonIcon;

    /// <summary>Copies <paramref name="text"/> into a fixed buffer, cut to fit with its terminating NUL.</summary>
    public static void CopyTo(string text, char* buffer, int length)
    {
        var span = new Span<char>(buffer, length);
        span.Clear();
        text.AsSpan(0, Math.Min(text.Length, length - 1)).CopyTo(span);
    }
}
