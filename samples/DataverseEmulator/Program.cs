// Placeholder entry point; the emulator proper is being built.
return 0;
