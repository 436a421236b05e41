/** The catalogue's use cases: list, show, register and retire models; store and serve their files (ports for both). */
package com.computemarket.catalogue.application;
