/** The demo mode ({@code backup.demo-data=true}): fixed demo projects shared by its parts. */
package org.backupcatalog.web.demo;
