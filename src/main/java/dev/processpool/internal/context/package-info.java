/** Start methods and their contexts: which are available here, the default, one context per method. */
package dev.processpool.internal.context;
