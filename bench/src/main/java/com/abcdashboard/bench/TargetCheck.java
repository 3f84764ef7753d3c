package com.abcdashboard.bench;

/** One of the targets, what this run measured for it, and whether it was met. */
public record TargetCheck(String id, String target, String measured, boolean pass) {}
